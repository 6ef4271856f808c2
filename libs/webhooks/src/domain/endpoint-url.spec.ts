import { endpointUrlProblem } from './endpoint-url';

describe('endpointUrlProblem', () => {
  it.each([
    ['https://crm.agency.example/hooks', false, null],
    ['https://crm.agency.example/hooks', true, null],
    ['http://127.0.0.1:4000/hook', false, null],
    ['http://localhost/hook', false, null],
    ['http://[::1]:8080/', false, null],
    ['http://127.0.0.1:4000/hook', true, 'private_address'],
    ['http://203.0.114.7/hook', true, 'https_required'],
    ['http://crm.agency.example/hooks', false, 'https_required'],
    ['https://user:pw@crm.agency.example/', false, 'credentials'],
    ['https://10.0.0.5/hooks', true, 'private_address'],
    ['https://169.254.169.254/latest/meta-data', true, 'private_address'],
    ['https://[fd00::1]/hooks', true, 'private_address'],
    ['https://10.0.0.5/hooks', false, null],
    ['https://203.0.114.7/hooks', true, null],
    ['ftp://crm.agency.example/', false, 'invalid'],
    ['not a url', false, 'invalid'],
    [`https://a.example/${'x'.repeat(2000)}`, false, 'invalid'],
  ])('%s (production %s): %s', (url, production, problem) => {
    expect(endpointUrlProblem(url, production)).toBe(problem);
  });
});
