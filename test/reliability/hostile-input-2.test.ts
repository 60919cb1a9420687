/**
 * Hostile input, property-based, over the second half of the action/version pairs (hostile-input.ts has the
 * generators, the breaking and every assertion; the other half runs in hostile-input-1.test.ts).
 */
import t from 'tap'
import { fuzzHalf } from './hostile-input.js'

fuzzHalf(t, 2)
