/**
 * Mode 4 catalog: the scheduling APIs whose callbacks must each start a root span, as data.
 *
 * `keys` are origin keys (see `core/origins.ts`): module, then the path from the module with a
 * leading `default` dropped, `#new` for instances. A row says where the callback, the job's name and
 * its schedule sit in the call.
 */

/** Where a value sits in a call's arguments. */
export interface ArgumentSlot {
  /** Argument index (after the optional leading name, see `leadingName`). */
  readonly index: number;
  /** When set, the value is this property of an object literal at `index`. */
  readonly property?: string;
}

export interface ScheduleApi {
  /** npm package, as users know it. */
  readonly library: string;
  /** How the API is written in docs: `cron.schedule(expression, callback, options)`. */
  readonly signature: string;
  /** `call`: `f(...)`; `new`: `new F(...)`; `decorator`: `@F(...)` on a method; `iterate`: `for await (… of f(ms))`. */
  readonly form: 'call' | 'new' | 'decorator' | 'iterate';
  /** Origin keys this row matches. */
  readonly keys: readonly string[];
  /** The callback (not for decorators and iteration, whose job is the method body / loop body). */
  readonly callback?: ArgumentSlot;
  /**
   * An optional leading name: taken when the call has at least `minArgs` arguments and the first is
   * a string, or is not a function while the argument after it is not one either (`scheduleJob(NAME,
   * '0 2 * * *', fn)`); with `unlessFunction`, whenever the first argument is not a function
   * (`new Job(NAME, fn)`).
   */
  readonly leadingName?: { readonly minArgs: number; readonly unlessFunction?: boolean };
  /** An explicit job name elsewhere in the call. */
  readonly name?: ArgumentSlot;
  /** The schedule: a cron expression or rule, or an interval in milliseconds. */
  readonly schedule?: ArgumentSlot & { readonly kind: 'expression' | 'interval' };
  /** An object literal argument form (`CronJob.from({ onTick })`, cron's legacy constructor). */
  readonly objectForm?: {
    readonly index: number;
    readonly callback: string;
    readonly name?: string;
    readonly schedule?: string;
  };
  /** Skip an options object literal sitting where the callback would be (agenda's `define(name, options, fn)`). */
  readonly optionsBeforeCallback?: boolean;
  /** Report only when the callback does asynchronous work (intervals: spinners and samplers are fine). */
  readonly asyncWorkOnly?: boolean;
  /** Only reported when registered with a job registry (`setTimeout` handed to `SchedulerRegistry.addTimeout`). */
  readonly registryOnly?: boolean;
  /**
   * Instances handed across files (`import { agenda } from './agenda'`): when the receiver's origin
   * is a project-local module or unknown, the package depends on `dependency`, and the first
   * argument is a string, `<receiver>.<method>(...)` counts as this API.
   */
  readonly sharedInstance?: { readonly dependency: string; readonly method: string };
}

export const SCHEDULE_APIS: readonly ScheduleApi[] = [
  {
    library: 'node-cron',
    signature: 'cron.schedule(expression, callback, { name })',
    form: 'call',
    keys: ['node-cron:schedule', 'node-cron:createTask'],
    callback: { index: 1 },
    name: { index: 2, property: 'name' },
    schedule: { index: 0, kind: 'expression' },
  },
  {
    library: 'cron',
    signature: 'new CronJob(cronTime, onTick, onComplete, start, timeZone, …, name)',
    form: 'new',
    keys: ['cron:CronJob.#new'],
    callback: { index: 1 },
    name: { index: 11 },
    schedule: { index: 0, kind: 'expression' },
    objectForm: { index: 0, callback: 'onTick', name: 'name', schedule: 'cronTime' },
  },
  {
    library: 'cron',
    signature: 'CronJob.from({ cronTime, onTick, name })',
    form: 'call',
    keys: ['cron:CronJob.from'],
    objectForm: { index: 0, callback: 'onTick', name: 'name', schedule: 'cronTime' },
  },
  {
    library: 'cron',
    signature: 'cron.job(cronTime, onTick) (cron 1.x/2.x)',
    form: 'call',
    keys: ['cron:job'],
    callback: { index: 1 },
    schedule: { index: 0, kind: 'expression' },
    objectForm: { index: 0, callback: 'onTick', name: 'name', schedule: 'cronTime' },
  },
  {
    library: 'node-schedule',
    signature: 'schedule.scheduleJob([name,] rule, callback)',
    form: 'call',
    keys: ['node-schedule:scheduleJob'],
    leadingName: { minArgs: 3 },
    callback: { index: 1 },
    schedule: { index: 0, kind: 'expression' },
  },
  {
    library: 'node-schedule',
    signature: 'new schedule.Job([name,] callback)',
    form: 'new',
    keys: ['node-schedule:Job.#new'],
    leadingName: { minArgs: 2, unlessFunction: true },
    callback: { index: 0 },
  },
  {
    library: 'agenda',
    signature: 'agenda.define(name, [options,] processor)',
    form: 'call',
    keys: ['agenda:Agenda.#new.define', 'agenda:#new.define', '@hokify/agenda:Agenda.#new.define', '@hokify/agenda:#new.define'],
    name: { index: 0 },
    callback: { index: 1 },
    optionsBeforeCallback: true,
    sharedInstance: { dependency: 'agenda', method: 'define' },
  },
  {
    library: 'toad-scheduler',
    signature: 'new Task(id, handler) / new AsyncTask(id, handler, errorHandler)',
    form: 'new',
    keys: ['toad-scheduler:Task.#new', 'toad-scheduler:AsyncTask.#new'],
    name: { index: 0 },
    callback: { index: 1 },
  },
  {
    library: '@nestjs/schedule',
    signature: '@Cron(expression, { name })',
    form: 'decorator',
    keys: ['@nestjs/schedule:Cron'],
    name: { index: 1, property: 'name' },
    schedule: { index: 0, kind: 'expression' },
  },
  {
    library: '@nestjs/schedule',
    signature: '@Interval([name,] ms) / @Timeout([name,] ms)',
    form: 'decorator',
    keys: ['@nestjs/schedule:Interval', '@nestjs/schedule:Timeout'],
    leadingName: { minArgs: 2 },
    schedule: { index: 0, kind: 'interval' },
  },
  {
    library: 'Node.js timers',
    signature: 'setInterval(callback, ms) in server code, when the callback does asynchronous work',
    form: 'call',
    keys: [':setInterval', 'timers:setInterval'],
    callback: { index: 0 },
    schedule: { index: 1, kind: 'interval' },
    asyncWorkOnly: true,
  },
  {
    library: 'Node.js timers',
    signature: 'setTimeout(callback, ms) handed to SchedulerRegistry.addTimeout',
    form: 'call',
    keys: [':setTimeout', 'timers:setTimeout'],
    callback: { index: 0 },
    schedule: { index: 1, kind: 'interval' },
    registryOnly: true,
  },
  {
    library: 'Node.js timers/promises',
    signature: 'for await (const _ of setInterval(ms)) { … }',
    form: 'iterate',
    keys: ['timers/promises:setInterval', 'timers:promises.setInterval'],
    schedule: { index: 0, kind: 'interval' },
    asyncWorkOnly: true,
  },
];

/** `@nestjs/schedule`'s registry: `addCronJob(name, job)`, `addInterval(name, handle)`, `addTimeout(name, handle)`. */
export const JOB_REGISTRIES = {
  keys: ['@nestjs/schedule:SchedulerRegistry.#new'],
  module: '@nestjs/schedule',
  methods: ['addCronJob', 'addInterval', 'addTimeout'],
} as const;

/** Text that must occur in a file for this mode to have anything to look at (the cheap exit). */
export const TOKENS: readonly string[] = ['cron', 'schedule', 'agenda', 'toad-scheduler', 'setInterval'];

/** Modules of this catalog: their imports may be aliased (`import { schedule as every } from 'node-cron'`). */
export const MODULES: ReadonlySet<string> = new Set(
  SCHEDULE_APIS.flatMap((api) => api.keys.map((key) => key.slice(0, key.indexOf(':')))).filter((module) => module !== ''),
);

/** Callee names worth resolving (everything else is skipped before any scope lookup). */
export const CALL_NAMES = new Set(['schedule', 'createTask', 'from', 'job', 'scheduleJob', 'define', 'setInterval', 'setTimeout']);
export const NEW_NAMES = new Set(['CronJob', 'Job', 'Task', 'AsyncTask']);
export const DECORATOR_NAMES = new Set(['Cron', 'Interval', 'Timeout']);

const byKey = new Map<string, ScheduleApi>();
for (const api of SCHEDULE_APIS) for (const key of api.keys) byKey.set(key, api);

export const SHARED_INSTANCE_APIS = SCHEDULE_APIS.filter((api) => api.sharedInstance);

export function findScheduleApi(key: string | undefined, form: ScheduleApi['form']): ScheduleApi | undefined {
  if (key === undefined) return undefined;
  const api = byKey.get(key);
  return api && api.form === form ? api : undefined;
}
