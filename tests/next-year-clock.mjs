// `npm run test:next-year`: every process of the test run (vitest's workers and the xuncha CLIs the
// tests start inherit NODE_OPTIONS) sees a clock moved to 15 January of next year, or to FAKE_NOW
// (YYYY-MM-DD). A test that reads today, and would fail once the calendar's last year is over,
// fails here first.
const RealDate = Date;
const now = RealDate.now();
const target = process.env.FAKE_NOW ? RealDate.parse(`${process.env.FAKE_NOW}T09:00:00`) : new RealDate(new RealDate(now).getFullYear() + 1, 0, 15, 9).getTime();
if (Number.isNaN(target)) throw new Error(`FAKE_NOW must be YYYY-MM-DD, not ${process.env.FAKE_NOW}`);
const offset = target - now;
globalThis.Date = class extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...args);
  }
  static now() {
    return RealDate.now() + offset;
  }
};
