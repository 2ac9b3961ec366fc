import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { StatusChip } from '../../../shared/ui/status-chip';
import { taskStatusLabel, taskStatusTone } from './task-status';

/** A task's status as a chip: its colour, and its label (also for an empty or unknown status). */
@Component({
  selector: 'app-task-status-chip',
  imports: [StatusChip],
  template: `<app-status-chip [tone]="tone()">{{ label() }}</app-status-chip>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskStatusChip {
  readonly status = input.required<string>();

  protected readonly tone = computed(() => taskStatusTone(this.status()));
  protected readonly label = computed(() => taskStatusLabel(this.status()));
}
