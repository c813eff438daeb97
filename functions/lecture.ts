import { app } from '@azure/functions';
import { lectureRoute } from '../src/hosting/routes';

// GET /api/lecture: the lecture page that answers' citations link to.
app.http(lectureRoute.name, lectureRoute);
