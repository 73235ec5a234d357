import './tracing.js';

import { startService } from './service.js';

const service = await startService();
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => service.stop());
