// `tsx --import ./scripts/lib/server-only-hook.mjs <script>`: lets a script load the data layer, whose modules import
// "server-only" (a marker that throws outside a React Server Components bundle), as the unit tests' alias does.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(spec, ctx, next) {
        if (spec === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
        return next(spec, ctx);
      }`,
    ),
);
