// How a suggestion adds its wrapper to an import list the file already has: in order, on a line of its
// own when the list is written one name per line (ESM and CommonJS), inline otherwise.
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import rule, { type MessageIds, type Options } from '../../src/rules/scheduled-job-tracing';
import { RuleTester, fixture } from './rule-tester';

const SERVICE_TS = fixture('service', 'src', 'jobs.ts');
const SERVICE_CJS = fixture('service', 'src', 'jobs.cjs');
const SERVICE_JS = fixture('service', 'src', 'jobs.js');

const ruleTester = new RuleTester({ defaultFilenames: { ts: SERVICE_TS, tsx: fixture('service', 'src', 'jobs.tsx') } });

const job = (expression: string) => ({
  messageId: 'missingRootSpan' as const,
  data: { name: `'${expression}'` },
});

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'a multi-line import list gets the name on its own line, in order',
    code: `
import cron from 'node-cron';
import {
  bindContext,
  traceScript,
} from 'eslint-plugin-trace-context/wrappers';

export const keep = [bindContext, traceScript];
cron.schedule('0 3 * * *', async () => {
  await backup();
});
`,
    errors: [
      {
        ...job('0 3 * * *'),
        suggestions: [
          {
            messageId: 'wrapWithTraceJob',
            data: { name: "'0 3 * * *'" },
            output: `
import cron from 'node-cron';
import {
  bindContext,
  traceJob,
  traceScript,
} from 'eslint-plugin-trace-context/wrappers';

export const keep = [bindContext, traceScript];
cron.schedule('0 3 * * *', traceJob('0 3 * * *', async () => {
  await backup();
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a multi-line import list whose names all sort before the new one gets it last',
    code: `
import cron from 'node-cron';
import {
  bindContext,
  injectContext
} from 'eslint-plugin-trace-context/wrappers';

export const keep = [bindContext, injectContext];
cron.schedule('0 3 * * *', async () => {
  await backup();
});
`,
    errors: [
      {
        ...job('0 3 * * *'),
        suggestions: [
          {
            messageId: 'wrapWithTraceJob',
            data: { name: "'0 3 * * *'" },
            output: `
import cron from 'node-cron';
import {
  bindContext,
  injectContext,
  traceJob
} from 'eslint-plugin-trace-context/wrappers';

export const keep = [bindContext, injectContext];
cron.schedule('0 3 * * *', traceJob('0 3 * * *', async () => {
  await backup();
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a multi-line require destructuring (CommonJS)',
    filename: SERVICE_CJS,
    code: `const cron = require('node-cron');
const {
  bindContext,
  traceScript,
} = require('eslint-plugin-trace-context/wrappers');

exports.keep = [bindContext, traceScript];
cron.schedule('0 3 * * *', async () => {
  await backup();
});
`,
    errors: [
      {
        ...job('0 3 * * *'),
        suggestions: [
          {
            messageId: 'wrapWithTraceJob',
            data: { name: "'0 3 * * *'" },
            output: `const cron = require('node-cron');
const {
  bindContext,
  traceJob,
  traceScript,
} = require('eslint-plugin-trace-context/wrappers');

exports.keep = [bindContext, traceScript];
cron.schedule('0 3 * * *', traceJob('0 3 * * *', async () => {
  await backup();
}));
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a .js file whose only CommonJS signs are module.exports and a require inside a function gets a require',
    filename: SERVICE_JS,
    code: `function start() {
  const cron = require('node-cron');
  cron.schedule('0 3 * * *', async () => {
    await backup();
  });
}

module.exports = { start };
`,
    errors: [
      {
        ...job('0 3 * * *'),
        suggestions: [
          {
            messageId: 'wrapWithTraceJob',
            data: { name: "'0 3 * * *'" },
            output: `const { traceJob } = require('eslint-plugin-trace-context/wrappers');

function start() {
  const cron = require('node-cron');
  cron.schedule('0 3 * * *', traceJob('0 3 * * *', async () => {
    await backup();
  }));
}

module.exports = { start };
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a one-line import list stays on one line',
    code: `
import cron from 'node-cron';
import { bindContext, traceScript } from 'eslint-plugin-trace-context/wrappers';

export const keep = [bindContext, traceScript];
cron.schedule('0 3 * * *', async () => {
  await backup();
});
`,
    errors: [
      {
        ...job('0 3 * * *'),
        suggestions: [
          {
            messageId: 'wrapWithTraceJob',
            data: { name: "'0 3 * * *'" },
            output: `
import cron from 'node-cron';
import { bindContext, traceJob, traceScript } from 'eslint-plugin-trace-context/wrappers';

export const keep = [bindContext, traceScript];
cron.schedule('0 3 * * *', traceJob('0 3 * * *', async () => {
  await backup();
}));
`,
          },
        ],
      },
    ],
  },
];

ruleTester.run('scheduled-job-tracing', rule, { valid: [], invalid });
