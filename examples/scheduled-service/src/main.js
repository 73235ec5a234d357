import './tracing.js';

import { startService } from './service.js';
import { startShippingApi } from './shipping/shipping-api.js';

const service = await startService();
const shipping = await startShippingApi({ port: Number(process.env.PORT ?? 3000) });
console.log(`shipping quotes on ${shipping.url}/shipping-quote`);
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => Promise.all([service.stop(), shipping.stop()]));
