// GET|POST /api/auth/* — next-auth (credentials + optional OIDC sign-in, session, sign-out, CSRF), throttled and audited.
import { handleAuthRequest } from '@/lib/auth/handle-auth-request';

export { handleAuthRequest as GET, handleAuthRequest as POST };
