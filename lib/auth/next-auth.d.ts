// What our JWT and session carry (next-auth v4 module augmentation).
import type { TRole } from '@/lib/auth/types';

declare module 'next-auth' {
  interface Session {
    user: { id: string; sid: string; email: string; role: TRole | null; name: string };
  }
  interface User {
    role?: TRole;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    /** The server-side Session row this token stands for. */
    sid?: string;
    role?: TRole;
  }
}
