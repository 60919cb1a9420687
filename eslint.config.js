// neostandard (the Fastify team's style) over the TypeScript sources, tests and scripts.
import neostandard from 'neostandard'

export default [
  ...neostandard({
    ts: true,
    ignores: ['dist/**', 'coverage/**', '.cache/**', '.tap/**', 'test/sdk/go/**', 'test/sdk/java/**', 'test/sdk/python/**', 'src/ui/vendor/**']
  }),
  {
    // TypeBox's idiom names a schema and its Static type alike (`const DiskInfo` + `type DiskInfo`);
    // TypeScript keeps values and types apart, so this is not a redeclaration.
    rules: { '@typescript-eslint/no-redeclare': 'off' }
  }
]
