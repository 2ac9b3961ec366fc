/** Auth shapes as the CloudAI master sends them (contract §2). Failures are HTTP 200 with `success: false`. */

export interface AuthUser {
  readonly email: string;
  readonly name: string;
  readonly visit_count: number;
  /** RFC 3339, UTC. */
  readonly created_at: string;
}

export interface AuthResponse {
  readonly success: boolean;
  readonly message: string;
  /** Omitted when there is none. */
  readonly user?: AuthUser;
  /** Top level only on login (omitted when 0). */
  readonly visit_count?: number;
}
