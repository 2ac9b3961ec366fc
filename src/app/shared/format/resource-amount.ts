import { Resource } from '../cloudai/resource-fit';
import { formatCores, formatGb, formatGpus } from './units';

/** The resources' names as table rows and headings show them. */
export const RESOURCE_LABEL: Readonly<Record<Resource, string>> = {
  cpu: 'CPU',
  memory: 'Memory',
  storage: 'Storage',
  gpu: 'GPUs',
};

/** An amount of one resource as operators read it on its own: "12 cores", "1,024 GB storage", "2 GPUs". */
export function formatResourceAmount(resource: Resource, amount: number): string {
  switch (resource) {
    case 'cpu':
      return formatCores(amount);
    case 'memory':
      return `${formatGb(amount)} memory`;
    case 'storage':
      return `${formatGb(amount)} storage`;
    case 'gpu':
      return formatGpus(amount);
  }
}

/** An amount in a row already named by its resource: "12 cores", "1,024 GB", "2 GPUs". */
export function formatResourceFigure(resource: Resource, amount: number): string {
  if (resource === 'cpu') return formatCores(amount);
  return resource === 'gpu' ? formatGpus(amount) : formatGb(amount);
}
