'use client';
// Page frame: skip link, role-based navigation, the signed-in user, their preferences and sign-out.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import type { ReactNode } from 'react';
import { PreferencesMenu } from '@/components/preferences-menu';
import { can, PAGES } from '@/lib/auth/permissions';
import type { TRole } from '@/lib/auth/types';

type TShellUser = { name: string; email: string; role: TRole };

export function AppShell({ user, children }: { user: TShellUser; children: ReactNode }) {
  const pathname = usePathname();
  const items = PAGES.filter((p) => p.nav && can(user.role, p.permission));
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          CallVault
        </Link>
        <nav aria-label="Main">
          <ul>
            {items.map((p) => {
              const current = pathname === p.path || pathname.startsWith(`${p.path}/`);
              return (
                <li key={p.path}>
                  <Link href={p.path} aria-current={current ? 'page' : undefined}>
                    {p.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="whoami">
          <span data-testid="current-user">
            {user.name} <span className="role-badge">{user.role.toLowerCase()}</span>
          </span>
          <PreferencesMenu />
          <button type="button" className="btn btn-quiet" onClick={() => void signOut({ callbackUrl: '/signin' })}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
