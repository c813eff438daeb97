import { app } from '@azure/functions';
import { webChatAssetRoute } from '../src/hosting/routes';

// GET /api/webchat/{version}/webchat.js: the Web Chat bundle the page loads.
app.http(webChatAssetRoute.name, webChatAssetRoute);
