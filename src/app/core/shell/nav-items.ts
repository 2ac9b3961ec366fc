/** The sidenav's destinations, in the order operators use them. */
export const NAV_ITEMS = [
  { path: '/dashboard', label: 'Dashboard', icon: 'space_dashboard', exact: true },
  { path: '/workers', label: 'Workers', icon: 'dns', exact: false },
  { path: '/tasks', label: 'Tasks', icon: 'assignment', exact: true },
  { path: '/tasks/new', label: 'Submit task', icon: 'add_circle', exact: true },
  { path: '/settings', label: 'Settings', icon: 'settings', exact: true },
  { path: '/help', label: 'Help', icon: 'help', exact: false },
] as const;
