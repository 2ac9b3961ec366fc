import { sameJson } from './same-json';

describe('sameJson', () => {
  it('is true for equal values parsed from JSON, false for any difference', () => {
    const user = '{"email":"alice@example.com","name":"Alice","visit_count":4}';
    expect(sameJson(JSON.parse(user), JSON.parse(user))).toBeTrue();
    expect(sameJson(JSON.parse(user), { ...JSON.parse(user), visit_count: 5 })).toBeFalse();
    expect(sameJson(['a', { b: [1, 2] }], ['a', { b: [1, 2] }])).toBeTrue();
    expect(sameJson(['a', { b: [1, 2] }], ['a', { b: [2, 1] }])).toBeFalse();
    expect(sameJson(null, undefined)).toBeFalse();
  });
});
