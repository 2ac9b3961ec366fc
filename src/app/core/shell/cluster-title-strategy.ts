import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { DEPLOYMENT } from '../config/deployment-token';

/**
 * Page titles name the cluster (`Workers · prod-eu · CloudAI`), so that the tabs of two clusters
 * are told apart; without a cluster name they stay as the routes give them.
 */
@Injectable()
export class ClusterTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly clusterName = inject(DEPLOYMENT).clusterName;

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const title = this.buildTitle(snapshot);
    if (title !== undefined) this.title.setTitle(withCluster(title, this.clusterName));
  }
}

/** `Workers · CloudAI` with the cluster's name before the product's. */
export function withCluster(title: string, clusterName: string): string {
  return clusterName ? title.replace(/( · CloudAI)?$/, (product) => ` · ${clusterName}${product}`) : title;
}
