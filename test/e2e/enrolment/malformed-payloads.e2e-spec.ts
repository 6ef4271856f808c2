import fc from 'fast-check';
import { createUser, tokenFor } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { apiClient, completeAnswers, rowCounts } from './enrolment-fixtures';

/** Cases per route: three times FUZZ_RUNS (default 100); fast-check draws a new seed each run. */
const RUNS = 3 * Number(process.env.FUZZ_RUNS ?? 100);

/**
 * Property: whatever malformed enrolment a client sends to POST, PATCH or submit, the answer is a 4xx
 * problem+json with field errors — never a 5xx — and nothing is written.
 */

type Json = Record<string, unknown>;

const notString = fc.oneof(
  fc.integer(),
  // No NaN or ±Infinity: JSON writes them as null, which a nullable answer rightly takes (seed -1175085696).
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
const notNumber = fc.oneof(
  fc.string(),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
  fc.integer({ max: -1 }),
  fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true }),
  fc.constant(1e18),
);
const notBoolean = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.array(fc.boolean(), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);
const notCountryList = fc.oneof(
  notString.filter((v) => !Array.isArray(v)),
  fc.array(fc.string({ minLength: 3, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
  fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
  fc.constant(['FR', 'FR']),
);
const badText = (max: number) =>
  fc.oneof(
    notString,
    fc.constant(''),
    fc.constant('x'.repeat(max + 1)),
    fc.string({ minLength: 1, maxLength: 10 }).map((s) => `${s}\u0000${s}`),
  );

/** Path → arbitrary of values that field must refuse. */
const BAD_VALUES: [string[], fc.Arbitrary<unknown>][] = [
  [['company'], fc.oneof(fc.string(), fc.integer(), fc.array(fc.object({ maxDepth: 0 }), { maxLength: 2 }))],
  [['company', 'legalName'], badText(200)],
  [['company', 'registrationNumber'], fc.oneof(badText(40), fc.constant('<script>'), fc.constant('AB#12'))],
  [
    ['company', 'registrationCountry'],
    fc.oneof(notString, fc.constant('XX'), fc.constant('GBR'), fc.constant('')),
  ],
  [['company', 'vatNumber'], fc.oneof(notString, fc.constant('GB123'), fc.constant('!!'))],
  [['company', 'region'], fc.oneof(notString, fc.constant('atlantis'), fc.constant(''))],
  [['company', 'naceCode'], fc.oneof(notString, fc.constant('99.99'), fc.constant('6201'), fc.constant('A'))],
  [['company', 'employees'], notNumber],
  [['company', 'turnoverMinor'], notNumber],
  [['company', 'balanceSheetMinor'], notNumber],
  [['company', 'currency'], fc.oneof(notString, fc.constant('eur'), fc.constant('XYZ'), fc.constant('EURO'))],
  [['company', 'yearFounded'], fc.oneof(notNumber, fc.constant(1799), fc.constant(2999))],
  [
    ['company', 'website'],
    fc.oneof(
      notString,
      fc.constant('ftp://x.example'),
      fc.constant('not a url'),
      fc.constant('javascript:alert(1)'),
    ),
  ],
  [
    ['company', 'socialProfiles'],
    fc.oneof(
      fc.string(),
      fc.array(fc.string(), { minLength: 1, maxLength: 2 }),
      fc.constant([{ platform: 'myspace', url: 'https://myspace.example' }]),
      fc.constant([{ platform: 'linkedin', url: 'nope' }]),
      fc.constant([{ platform: 'linkedin' }]),
      fc.constant(Array.from({ length: 11 }, () => ({ platform: 'x', url: 'https://x.example' }))),
    ),
  ],
  [['exportStatus'], fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer(), { maxLength: 2 }))],
  [['exportStatus', 'exportedLast12Months'], notBoolean],
  [['exportStatus', 'exportSharePercent'], fc.oneof(notNumber, fc.integer({ min: 101 }))],
  [['exportStatus', 'markets'], notCountryList],
  [['exportStatus', 'orderOrigin'], fc.oneof(notString, fc.constant('by magic'))],
  [
    ['targetMarkets'],
    fc.oneof(notCountryList, fc.constant(['US', 'JP', 'FR', 'DE', 'ES', 'IT', 'PT', 'NL', 'BE', 'AT', 'CH'])),
  ],
  [['barriers'], fc.oneof(fc.string(), fc.integer())],
  [
    ['barriers', 'selected'],
    // A list itself: an empty one is a valid draft (no barrier chosen yet), so notString's arrays are left out.
    fc.oneof(
      notString.filter((v) => !Array.isArray(v)),
      fc.constant(['fear']),
      fc.constant(['operational', 'operational']),
      fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
    ),
  ],
  [['barriers', 'note'], fc.oneof(notString, fc.constant('y'.repeat(2001)))],
  [
    ['helpWanted'],
    fc.oneof(
      // helpWanted is itself a list of strings, so notString's arrays (an empty one is a valid draft) are
      // not malformed here; the bad lists are the cases below.
      notString.filter((v) => !Array.isArray(v)),
      fc.constant(['free-money']),
      fc.constant(['']),
      fc.array(fc.integer(), { minLength: 1 }),
    ),
  ],
  [['consent'], fc.oneof(fc.string(), fc.boolean())],
  [['consent', 'dataProcessing'], notBoolean],
  [['consent', 'evaluationContact'], notBoolean],
];

const KNOWN_ROOT = new Set(['company', 'exportStatus', 'targetMarkets', 'barriers', 'helpWanted', 'consent']);
const unknownKey = fc
  .string({ minLength: 1, maxLength: 12 })
  .filter((k) => !KNOWN_ROOT.has(k) && k !== '__proto__');

function setPath(target: Json, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null || Array.isArray(node[key])) node[key] = {};
    node = node[key] as Json;
  }
  node[path[path.length - 1]] = value;
}

/** A valid (or empty) enrolment with one to three fields made bad, sometimes plus an unknown field. */
const malformedPayload: fc.Arbitrary<Json> = fc
  .record({
    base: fc.boolean(),
    corruptions: fc.array(
      fc
        .integer({ min: 0, max: BAD_VALUES.length - 1 })
        .chain((i) => BAD_VALUES[i][1].map((value) => ({ path: BAD_VALUES[i][0], value }))),
      { minLength: 1, maxLength: 3 },
    ),
    extra: fc.option(fc.tuple(unknownKey, fc.jsonValue()), { freq: 4 }),
  })
  .map(({ base, corruptions, extra }) => {
    const payload: Json = base ? (completeAnswers() as Json) : {};
    // Apply nested fields before whole blocks so a bad block value is not overwritten by an object again.
    for (const { path, value } of [...corruptions].sort((a, b) => b.path.length - a.path.length)) {
      setPath(payload, path, value);
    }
    if (extra) payload[extra[0]] = extra[1];
    return payload;
  });

// Sign-ups hash passwords with argon2 and the machine is shared: allow for a slow minute.
jest.setTimeout(90_000);
describe('malformed enrolment payloads (property-based)', () => {
  let api: TestApi;
  let sme: ReturnType<typeof apiClient>;
  let draftId: string;
  let incompleteIds: string[];

  beforeAll(async () => {
    api = await startTestApi();
    const { user, password } = await createUser(api, 'sme');
    sme = apiClient(api, await tokenFor(api, user.email, password));
    draftId = (await sme.create(completeAnswers())).body.id;
    incompleteIds = [];
    for (const answers of [
      {},
      { company: { legalName: 'Only A Name Ltd' } },
      completeAnswers({ consent: { dataProcessing: false } }),
    ]) {
      incompleteIds.push((await sme.create(answers)).body.id);
    }
  });
  afterAll(() => api?.close());

  function expectFieldErrors(res: { status: number; body: Json; headers: Headers }, payload: unknown): void {
    if (
      res.status < 400 ||
      res.status >= 500 ||
      !Array.isArray(res.body.errors) ||
      res.body.errors.length === 0
    ) {
      throw new Error(
        `expected a 4xx with field errors for ${JSON.stringify(payload)}, got ${res.status} ${JSON.stringify(res.body)}`,
      );
    }
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    for (const error of res.body.errors as { field: unknown; message: unknown }[]) {
      expect(typeof error.field).toBe('string');
      expect(typeof error.message).toBe('string');
    }
  }

  it('POST /api/v1/enrolments: every malformed draft is refused with field errors and writes nothing', async () => {
    const before = await rowCounts(api);
    await fc.assert(
      fc.asyncProperty(malformedPayload, async (payload) => {
        expectFieldErrors(await sme.create(payload), payload);
      }),
      { numRuns: RUNS },
    );
    expect(await rowCounts(api)).toEqual(before);
  }, 300_000);

  it('PATCH /api/v1/enrolments/:id: every malformed change is refused and the draft is untouched', async () => {
    const draftBefore = (await sme.get(draftId)).body;
    const before = await rowCounts(api);
    await fc.assert(
      fc.asyncProperty(malformedPayload, async (payload) => {
        expectFieldErrors(await sme.patch(draftId, payload), payload);
      }),
      { numRuns: RUNS },
    );
    expect(await rowCounts(api)).toEqual(before);
    expect((await sme.get(draftId)).body).toEqual(draftBefore);
  }, 300_000);

  it('POST /api/v1/enrolments/:id/submit: malformed bodies and incomplete drafts are refused with field errors', async () => {
    const before = await rowCounts(api);
    const submitBody = fc.oneof(
      fc.constant(undefined),
      fc.record({
        // Digits as text are a valid version (a form's hidden field), so a string here is anything else.
        version: fc.oneof(
          fc.string().filter((text) => !/^\d{1,9}$/.test(text)),
          fc.integer({ max: 0 }),
          fc.double({ noInteger: true }),
          fc.boolean(),
        ),
      }),
      fc.tuple(unknownKey, fc.jsonValue()).map(([k, v]) => ({ [k]: v })),
      malformedPayload,
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...incompleteIds), submitBody, async (id, body) => {
        expectFieldErrors(await sme.submit(id, body), { id, body });
      }),
      { numRuns: RUNS },
    );
    expect(await rowCounts(api)).toEqual(before);
    for (const id of incompleteIds) expect((await sme.get(id)).body.status).toBe('draft');
  }, 300_000);
});
