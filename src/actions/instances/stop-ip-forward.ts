/** StopIpForward: turns IP forwarding off (the shared shape is in ../instance-ip-forward.ts). */
import { ipForwardAction } from '../instance-ip-forward.js'

export default ipForwardAction('StopIpForward', false)
