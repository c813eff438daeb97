import { app } from '@azure/functions';
import { chatRoute } from '../src/hosting/routes';

// GET /api/chat: the Web Chat page.
app.http(chatRoute.name, chatRoute);
