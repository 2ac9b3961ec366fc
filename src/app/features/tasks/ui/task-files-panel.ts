import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { Icon } from '../../../shared/ui/icon';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { formatBytes } from '../../../shared/format/units';
import { FilesFetch } from '../data/task-detail-model';

/** A finished task's output files, each a download link, or why there are none to show. */
@Component({
  selector: 'app-task-files-panel',
  imports: [Icon],
  template: `
    <section class="panel" aria-labelledby="files-heading">
      <h2 id="files-heading">Output files</h2>
      @let state = files();
      @switch (state.kind) {
        @case ('loading') {
          <p class="muted" aria-busy="true">Loading the file list…</p>
        }
        @case ('idle') {
          <p class="muted">{{ $any(state).reason }}</p>
        }
        @case ('error') {
          <p class="warning">The file list could not be loaded: {{ $any(state).message }}</p>
        }
        @case ('ready') {
          @let listed = $any(state).data;
          @if (listed === null) {
            <p class="muted">This task wrote no files to /output.</p>
          } @else {
            <ul class="files">
              @for (file of listed.files; track file.path) {
                <li>
                  <a [href]="fileUrl()(task(), file.path)" download
                    ><app-icon class="material-icons" aria-hidden="true">download</app-icon>
                    <span class="mono">{{ file.path }}</span></a
                  >
                  <span class="muted">{{ bytes(file.size) }}</span>
                </li>
              }
            </ul>
            <p class="muted">{{ listed.files.length }} files · {{ bytes(listed.total_size) }} in all</p>
          }
        }
      }
    </section>
  `,
  styles: `
    .files {
      list-style: none;
      padding: 0;
      margin: 0 0 8px;
    }
    .files li {
      display: flex;
      align-items: center;
      gap: 12px;
      min-height: 32px;
    }
    .files a {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      color: var(--mat-sys-primary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskFilesPanel {
  readonly files = input.required<FilesFetch>();
  readonly task = input.required<TaskListEntry>();
  /** Where the browser downloads one of the task's files from. */
  readonly fileUrl = input.required<(task: TaskListEntry, path: string) => string>();

  protected readonly bytes = formatBytes;
}
