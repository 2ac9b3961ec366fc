import { HttpErrorResponse } from '@angular/common/http';
import { toErrorMessage } from './error-message';

describe('toErrorMessage', () => {
  it("shows the master's text/plain body as it is, with the status", () => {
    const error = new HttpErrorResponse({ status: 400, error: 'Missing required field: docker_image\n' });
    expect(toErrorMessage(error)).toBe('Missing required field: docker_image (HTTP 400)');
  });

  it('reads the message of a JSON error body', () => {
    const error = new HttpErrorResponse({ status: 401, error: { error: 'Unauthorized: Invalid token' } });
    expect(toErrorMessage(error)).toBe('Unauthorized: Invalid token (HTTP 401)');
  });

  it('explains a dropped connection, which is how the master reports a panic', () => {
    const error = new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') });
    expect(toErrorMessage(error)).toBe('The master could not be reached, or it dropped the request.');
  });

  it('falls back to the status line when the body is empty', () => {
    const error = new HttpErrorResponse({ status: 503, statusText: 'Service Unavailable', error: '' });
    expect(toErrorMessage(error)).toBe('The master answered HTTP 503 Service Unavailable');
  });
});
