import { isNotAShortcut, isPaletteKey } from './not-a-shortcut';

describe('isNotAShortcut', () => {
  const on = (html: string, key = 'j', modifiers: Partial<KeyboardEvent> = {}) => {
    const host = document.createElement('div');
    host.innerHTML = html;
    document.body.append(host);
    const target = host.querySelector('[data-target]') ?? host;
    const result = isNotAShortcut({
      key,
      ctrlKey: false,
      altKey: false,
      metaKey: false,
      isComposing: false,
      target,
      ...modifiers,
    });
    host.remove();
    return result;
  };

  const cases: { html: string; key?: string; modifiers?: Partial<KeyboardEvent>; typing: boolean; why: string }[] = [
    { html: '<p data-target>text</p>', typing: false, why: 'a key on the page is a shortcut' },
    { html: '<input data-target type="search">', typing: true, why: 'typing in a search field is typing' },
    { html: '<input data-target>', typing: true, why: 'a text input (no type) too' },
    { html: '<textarea data-target></textarea>', typing: true, why: 'a text area too' },
    {
      html: '<div contenteditable="true"><span data-target>x</span></div>',
      typing: true,
      why: 'inside an editable element',
    },
    { html: '<div role="combobox" data-target></div>', typing: true, why: 'a combobox' },
    { html: '<input data-target type="checkbox">', typing: false, why: 'a checkbox does not take typing' },
    {
      html: '<p data-target>x</p>',
      modifiers: { ctrlKey: true },
      typing: true,
      why: 'Ctrl combinations are the browser’s',
    },
    { html: '<p data-target>x</p>', modifiers: { metaKey: true }, typing: true, why: 'so are Meta ones' },
    {
      html: '<p data-target>x</p>',
      key: '?',
      modifiers: { shiftKey: true },
      typing: false,
      why: 'Shift is allowed (?)',
    },
    { html: '<button data-target>go</button>', key: 'Enter', typing: true, why: 'Enter on a button presses it' },
    { html: '<a href="/x" data-target>go</a>', key: 'Enter', typing: true, why: 'Enter on a link follows it' },
    {
      html: '<div role="row" tabindex="0" data-target></div>',
      key: 'Enter',
      typing: false,
      why: 'Enter on a row opens it',
    },
    { html: '<button data-target>go</button>', key: 'j', typing: false, why: 'j on a button still moves' },
  ];
  for (const { html, key, modifiers, typing, why } of cases) {
    it(why, () => expect(on(html, key, modifiers)).toBe(typing));
  }
});

describe('isPaletteKey', () => {
  const press = (key: string, modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>>) =>
    isPaletteKey({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers });

  it('is Ctrl-K, or ⌘-K on a Mac, with Caps Lock on or off', () => {
    expect(press('k', { ctrlKey: true })).toBeTrue();
    expect(press('k', { metaKey: true })).toBeTrue();
    expect(press('K', { ctrlKey: true })).toBeTrue();
  });

  it('is not K alone, nor with Alt or Shift (other programs use those)', () => {
    expect(press('k', {})).toBeFalse();
    expect(press('k', { ctrlKey: true, altKey: true })).toBeFalse();
    expect(press('K', { ctrlKey: true, shiftKey: true })).toBeFalse();
    expect(press('j', { ctrlKey: true })).toBeFalse();
  });
});
