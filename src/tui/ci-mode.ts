/**
 * Ink reads CI (and CONTINUOUS_INTEGRATION) when it loads and then paints only the final frame,
 * which in a real terminal means a blank screen until the program ends. In a terminal we keep
 * painting, and take CI to mean only "no animation"; without a terminal Ink is not used at all.
 */
export function quietCiForInk(
  env: NodeJS.ProcessEnv,
  interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY),
): void {
  const ci = ['CI', 'CONTINUOUS_INTEGRATION'].some(
    (key) => env[key] !== undefined && env[key] !== '0' && env[key] !== 'false',
  );
  if (!interactive || !ci) return;
  env.PYTIFY_NO_ANIMATION = '1';
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
}

export const animationWanted = (env: NodeJS.ProcessEnv): boolean => !env.PYTIFY_NO_ANIMATION && !env.CI;
