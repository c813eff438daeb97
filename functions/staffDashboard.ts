import { app } from '@azure/functions';
import { staffDashboardRoute } from '../src/hosting/routes';

// GET /api/staff/dashboard: the teaching team's dashboard, behind App Service authentication.
app.http(staffDashboardRoute.name, staffDashboardRoute);
