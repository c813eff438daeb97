import { app } from '@azure/functions';
import { instanceRuntime } from '../src/hosting/instance';
import { messagesRoute } from '../src/hosting/routes';

// POST /api/messages: the Bot Framework endpoint.
app.http(messagesRoute.name, messagesRoute);

// Build the knowledge base, index and adapter when the instance starts, so that a bad knowledge
// file or setting is reported then, by name, instead of at the first student's message.
app.hook.appStart(() => {
  instanceRuntime();
});
