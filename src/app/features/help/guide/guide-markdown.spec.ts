import { guideHref, headingSlug } from './guide-documents';
import { guideLink, renderGuide } from './guide-markdown';

describe('guide', () => {
  it("makes anchors as GitHub does, so the README's own links match", () => {
    expect(headingSlug('Behaviour of the real master the dashboard protects you from')).toBe(
      'behaviour-of-the-real-master-the-dashboard-protects-you-from',
    );
    expect(headingSlug('Times and time zones')).toBe('times-and-time-zones');
    expect(headingSlug("`npm run bench`: what it's for")).toBe('npm-run-bench-what-its-for');
    expect(headingSlug('TLS and reverse proxies')).toBe('tls-and-reverse-proxies');
  });

  it('gives each document an in-app address', () => {
    expect(guideHref('readme')).toBe('help/guide');
    expect(guideHref('readme', 'performance')).toBe('help/guide#performance');
    expect(guideHref('contract', 'tasks')).toBe('help/guide/contract#tasks');
  });

  it('keeps links between the guide documents inside the app, and fetches pictures from its copy', () => {
    expect(guideLink('#performance', 'readme', 'link')).toBe('help/guide#performance');
    expect(guideLink('#tasks', 'contract', 'link')).toBe('help/guide/contract#tasks');
    expect(guideLink('docs/contract.md', 'readme', 'link')).toBe('help/guide/contract');
    expect(guideLink('docs/architecture.md#streams', 'readme', 'link')).toBe('help/guide/architecture#streams');
    expect(guideLink('../README.md#deploying', 'contract', 'link')).toBe('help/guide#deploying');
    expect(guideLink('docs/screenshot-tasks.png', 'readme', 'image')).toBe('guide/docs/screenshot-tasks.png');
    expect(guideLink('screenshot-tasks.png', 'architecture', 'image')).toBe('guide/docs/screenshot-tasks.png');
  });

  it('leaves addresses elsewhere alone', () => {
    expect(guideLink('https://example.com/a#b', 'readme', 'link')).toBe('https://example.com/a#b');
    expect(guideLink('mailto:ops@example.com', 'readme', 'link')).toBe('mailto:ops@example.com');
  });

  it('renders Markdown with the links rewritten', () => {
    const html = renderGuide(
      '## Export\n\nSee [Performance](#performance) and ![The list](docs/screenshot-tasks.png).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
      'readme',
    );

    expect(html).toContain('<h2');
    expect(html).toContain('href="help/guide#performance"');
    expect(html).toContain('src="guide/docs/screenshot-tasks.png"');
    expect(html).toContain('<table>');
  });
});
