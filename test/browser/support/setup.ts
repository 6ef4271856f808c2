// A real browser is slower than an HTTP call: a journey of several pages, each scanned by axe, needs more
// than the 30 s default. Nothing here asserts on time.
jest.setTimeout(90_000);
