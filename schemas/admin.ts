/** Pieces shared by the admin API's schemas (src/admin/*). */
import { Type } from '@sinclair/typebox'

/** What every failure answers, on the admin API as on the ZEC wire. */
export const ErrorEnvelope = Type.Object({
  requestId: Type.String(),
  code: Type.String(),
  message: Type.String()
}, { description: 'The ZEC error envelope' })

/** The 4xx answers every admin route may give, for its OpenAPI entry. */
export const adminErrors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 404: ErrorEnvelope }

/** An account as the admin API names it: its id, or an access key id that picks it. */
export const AccountScope = Type.Object({
  account: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  accessKeyId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 }))
})
