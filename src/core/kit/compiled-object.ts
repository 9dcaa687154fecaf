// zod's compiled object parser on zod/mini, in a chunk of its own: it reaches into much of zod's
// util module (about 4 kB min+brotli), loaded with the first list page rather than with the SDK.
import * as z from 'zod/mini';
import { $constructor, $ZodObjectJIT, type $ZodLooseShape, type $ZodObjectDef } from 'zod/v4/core';

/**
 * zod/mini's object on zod's compiled object parser: `z.object` of zod/mini interprets each field of
 * each item, the compiled parser (classic zod's, generated once with `new Function` where the runtime
 * allows it, interpreted elsewhere) took a vox page of 100 from about 100 µs to about 25 µs.
 */
const CompiledObject = /*@__PURE__*/ $constructor('VoiceplaneCompiledObject', (instance: never, definition: $ZodObjectDef) => {
  $ZodObjectJIT.init(instance, definition);
  const miniType: { init(instance: never, definition: never): void } = z.ZodMiniType;
  miniType.init(instance, definition as never);
  z.util.installLazyProp(instance, 'shape', (self) => self._zod.def.shape, false);
});

/** `z.object(shape)` on the compiled parser. */
export function compiledObjectOf<Shape extends $ZodLooseShape>(shape: Shape): z.ZodMiniObject<Shape, z.core.$strip> {
  return new CompiledObject({ type: 'object', shape } as $ZodObjectDef) as unknown as z.ZodMiniObject<Shape, z.core.$strip>;
}
