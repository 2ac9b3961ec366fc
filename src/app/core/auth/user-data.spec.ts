import { clearUserData, safeReturnUrl } from './user-data';

describe('safeReturnUrl', () => {
  it('returns to pages of the dashboard only', () => {
    expect(safeReturnUrl('/tasks?status=failed')).toBe('/tasks?status=failed');
    expect(safeReturnUrl('https://evil.example/')).toBe('/dashboard');
    expect(safeReturnUrl('//evil.example/')).toBe('/dashboard');
    expect(safeReturnUrl('/login?returnUrl=/tasks')).toBe('/dashboard');
    expect(safeReturnUrl(undefined)).toBe('/dashboard');
  });
});

describe('clearUserData', () => {
  it("removes one user's stored data and keeps the browser's preferences", () => {
    localStorage.setItem('cloudai.user.watched-tasks', '[]');
    localStorage.setItem('cloudai.theme', 'dark');

    clearUserData(localStorage);

    expect(localStorage.getItem('cloudai.user.watched-tasks')).toBeNull();
    expect(localStorage.getItem('cloudai.theme')).toBe('dark');
    localStorage.removeItem('cloudai.theme');
  });
});
