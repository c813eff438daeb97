import { app } from '@azure/functions';
import { directLineTokenRoute } from '../src/hosting/routes';

// POST /api/directline/token: a Direct Line token for the chat page.
app.http(directLineTokenRoute.name, directLineTokenRoute);
