import { exportText } from './export-text';

describe('exportText', () => {
  const fields = ['id', 'command', 'cpu', 'worker'];
  const records = [
    { id: 'task-1', command: 'echo "a, b"\nexit 1', cpu: 0.5, worker: null },
    { id: 'task-2', command: '=HYPERLINK("x")', cpu: 2, worker: 'kiwi' },
  ];

  it('writes CSV with a header, quoting what needs it, empty for none, formulas made harmless', () => {
    expect(exportText(records, fields, 'csv')).toBe(
      'id,command,cpu,worker\r\n' +
        'task-1,"echo ""a, b""\nexit 1",0.5,\r\n' +
        `task-2,"'=HYPERLINK(""x"")",2,kiwi\r\n`,
    );
  });

  it('writes only the header for no rows', () => {
    expect(exportText([], fields, 'csv')).toBe('id,command,cpu,worker\r\n');
  });

  it('writes JSON with the same records', () => {
    expect(JSON.parse(exportText(records, fields, 'json'))).toEqual(records);
  });
});
