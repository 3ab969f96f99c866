import type { DoctorProbes } from '../../src/commands/doctor-probes.js';

/** doctor's questions to the system, answered as on a healthy machine: the same report everywhere. */
export const CALM_PROBES: DoctorProbes = {
  fileMode: async () => 0o600,
  gitIgnore: async () => undefined,
  port: async () => 'free',
};
