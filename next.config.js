/** @type {import('next').NextConfig} */
const nextConfig = {
  // BullMQ/ioredis/pg/Prisma's adapter and the AWS SDK run as plain Node modules on the server.
  serverExternalPackages: ['bullmq', 'ioredis', 'pg', '@prisma/adapter-pg', 'pino', 'music-metadata', 'bcryptjs'],
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
        ],
      },
    ];
  },
};

export default nextConfig;
