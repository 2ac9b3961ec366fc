import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { FETCH } from '../../../shared/http/master-http';
import { FakeAnswer, fakeFetch } from '../../../testing/fake-fetch';
import { GuidePage } from './guide-page';

const README = '# CloudAI Dashboard\n\nRead [Export](#export).\n\n## Export\n\nCSV and JSON.\n';

describe('GuidePage', () => {
  async function render(answers: FakeAnswer[], doc?: string) {
    const fake = fakeFetch(() => answers.shift() ?? 'network-error');
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: '**', children: [] }]), { provide: FETCH, useValue: fake.fetchFn }],
    });
    const fixture = TestBed.createComponent(GuidePage);
    if (doc) fixture.componentRef.setInput('doc', doc);
    const settle = async () => {
      for (let i = 0; i < 5; i++) await fixture.whenStable();
    };
    await settle();
    return { fixture, element: fixture.nativeElement as HTMLElement, requests: fake.requests, settle };
  }

  it('shows the README shipped with the build, with GitHub anchors on its headings', async () => {
    const { element, requests } = await render([{ status: 200, body: README }]);

    expect(requests.map((request) => request.url)).toEqual(['guide/README.md']);
    expect(element.querySelector('h2#export')?.textContent).toBe('Export');
    expect(element.querySelector('article')?.textContent).toContain('CSV and JSON.');
  });

  it('fetches the document the route names', async () => {
    const { requests, element } = await render([{ status: 200, body: '# Contract\n' }], 'contract');

    expect(requests.map((request) => request.url)).toEqual(['guide/docs/contract.md']);
    expect(element.querySelector('h1')?.textContent).toBe("The master's contract");
  });

  it('says why it could not load the guide, and tries again when asked', async () => {
    const { element, settle } = await render([
      { status: 404, body: 'no' },
      { status: 200, body: README },
    ]);

    expect(element.querySelector('[role="alert"]')?.textContent).toContain('404');

    element.querySelector<HTMLButtonElement>('button.retry')!.click();
    await settle();

    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(element.querySelector('h2#export')).not.toBeNull();
  });

  it('follows a link to a section inside the app, without reloading the page', async () => {
    const { element } = await render([{ status: 200, body: README }]);
    const navigate = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
    const link = element.querySelector<HTMLAnchorElement>('article a[href="help/guide#export"]')!;

    const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link.dispatchEvent(event);

    expect(event.defaultPrevented).toBeTrue();
    expect(navigate).toHaveBeenCalledWith('/help/guide#export');
  });
});
