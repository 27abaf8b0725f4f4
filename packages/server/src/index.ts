/** @cc-kit/server: the reference implementation of the call-center API. */
export { buildApp, discoverAreas, type BuildAppOptions, type BuiltApp } from './app.js';
export { configFromEnv, type EnvConfig } from './config.js';
export { defineArea, ok, created, HIJACKED } from './core/area.js';
export type {
  Area,
  AreaServices,
  AreaSetup,
  Handler,
  HandlerResult,
  OperationContext,
  Seeder,
  ServerConfig,
  Services,
} from './core/area.js';
export { signToken, verifyToken, type Caller } from './core/auth.js';
export { HttpProblem, problem, type FieldError } from './core/problems.js';
