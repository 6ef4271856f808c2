# syntax=docker/dockerfile:1
# One image, two processes: the api by default; the worker by overriding the command
#   docker run … sme-export-programme node dist/apps/worker/main.js
# Migrations are a one-off step before a rollout, from the same image:
#   docker run … sme-export-programme npm run migration:run:prod

# ---- build: every dependency, compile TypeScript to dist/ ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# `npm ci` trips over this lockfile's platform-specific optional packages (see README); install from it.
RUN npm install --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY migrations ./migrations
COPY config ./config
RUN npm run build \
  # The files the processes read from the source tree at run time, laid out as in the repository
  # (projectRoot() is the folder that holds config/): views, locales, static files, rules YAML.
  && mkdir -p /runtime \
  && cp -r --parents config libs/web/locales libs/web/public apps/api/views /runtime/ \
  && find libs -mindepth 2 -maxdepth 2 -type d -name views -exec cp -r --parents {} /runtime/ \;

# ---- deps: production dependencies only ----
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force

# ---- runtime ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY --from=build /app/dist ./dist
COPY --from=build /runtime/ ./
# Code stays root-owned and read-only to the app; only .data/ (MAIL_DIR when no SMTP server is set, and
# EXPORT_DIR) is writable by the unprivileged `node` user the official image provides. The exports folder
# exists in the image so a named volume mounted there starts with the same owner.
RUN mkdir -p .data/exports && chown -R node:node .data
USER node
EXPOSE 3000 3001
# Health checks live in docker-compose.yml: the api answers on PORT, the worker on WORKER_PORT.
CMD ["node", "dist/apps/api/main.js"]
