/**
 * What `segkit --version` prints: the version and which numeric kernels are active (issue 11), kept
 * light so that the version answers without loading the commands.
 * @module
 */
import { SEGKIT_VERSION } from '../version.js';
import { kernelInfo } from '../math/native-kernels.js';

export function versionText(): string {
  return `${SEGKIT_VERSION}\nkernels: ${kernelInfo()}`;
}
