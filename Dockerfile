# Production image (ADR 019, ADR 033). Build: docker build -t pdsa-tracker .
#   build       installs everything and runs `pnpm build` (the README's build: the React Router app and
#               the server compiled into build/server-node, scripts/build-server.mjs);
#   prod-deps   installs the production dependencies only (no tsx, Vite, test tools);
#   final       the compiled server, the built app, the migrations (applied at start-up) and the production
#               dependencies, run as the unprivileged `node` user with the command of `pnpm start`.
# Not built in this project's CI (its machines have no Docker daemon): test/integration/
# production-topology.integration.test.ts runs the same build, start command and topology without containers.
FROM node:20-bookworm-slim AS base
RUN npm install -g pnpm@10.34.8
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY packages/analytics/package.json packages/analytics/
COPY packages/demo-district/package.json packages/demo-district/
COPY packages/domain/package.json packages/domain/

FROM base AS build
# `pnpm install` generates the Prisma client (postinstall: scripts/prisma-generate.mjs reads prisma/).
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts ./scripts
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm build

FROM base AS prod-deps
# No install scripts: the only one is the Prisma client generation, already compiled into the server.
RUN pnpm install --frozen-lockfile --prod --ignore-scripts

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
WORKDIR /app
COPY --from=prod-deps --chown=node:node /app ./
COPY --from=build --chown=node:node /app/build ./build
# The server applies pending migrations at start-up (server/db/schema-engine.ts reads both).
COPY --from=build --chown=node:node /app/prisma/migrations ./prisma/migrations
COPY --from=build --chown=node:node /app/prisma/schema.prisma ./prisma/
# Without DATABASE_URL the embedded database lives in DATA_DIR (.data): writable by `node`.
RUN mkdir -p .data && chown node:node /app .data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# `pnpm start` without pnpm, in exec form: SIGTERM reaches node itself (graceful shutdown, README).
CMD ["node", "build/server-node/cluster.js"]
