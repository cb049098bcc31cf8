/** @type {import('next').NextConfig} */
const nextConfig = {
  // BullMQ/ioredis/pg/Prisma's adapter and the AWS SDK run as plain Node modules on the server; so does
  // OpenTelemetry, whose instrumentations patch Node's own modules and must share one API instance.
  serverExternalPackages: [
    'bullmq',
    'ioredis',
    'pg',
    '@prisma/adapter-pg',
    'pino',
    'music-metadata',
    'bcryptjs',
    'prom-client',
    'bullmq-otel',
    '@opentelemetry/api',
    '@opentelemetry/sdk-node',
    '@opentelemetry/instrumentation-http',
    '@opentelemetry/instrumentation-undici',
    '@prisma/instrumentation',
  ],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          // The console needs none of these powerful features; a script injected anyway gets none.
          {
            key: 'Permissions-Policy',
            value:
              'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), display-capture=(), interest-cohort=()',
          },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
