// GET|POST /api/auth/* — next-auth (credentials + optional OIDC sign-in, session, sign-out, CSRF).
import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

type TNextAuthHandler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// Options are built per request so `next build` never needs runtime secrets.
const handler: TNextAuthHandler = async (req, ctx) => (NextAuth(authOptions()) as TNextAuthHandler)(req, ctx);

export { handler as GET, handler as POST };
