/** StartIpForward: turns IP forwarding on (the shared shape is in ../instance-ip-forward.ts). */
import { ipForwardAction } from '../instance-ip-forward.js'

export default ipForwardAction('StartIpForward', true)
