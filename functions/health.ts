import { app } from '@azure/functions';
import { healthRoute } from '../src/hosting/routes';

// GET /api/health: version, knowledge entry count and configuration validity; never a secret.
app.http(healthRoute.name, healthRoute);
