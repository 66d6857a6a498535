// The API's schemas use zod/mini: the same zod (same checks, same issues and messages) with a
// functional API a bundler can trim. Classic zod's schema classes carry every method (and JSON
// Schema generation) into whatever imports them: a fifth of the worker's gzipped bundle
// (issue 6 budget). Each schema file imports `* as z from 'zod/mini'` itself; a namespace that
// is re-exported as a value keeps all of zod (every locale) in the bundle.
import { en } from 'zod/locales';
import { config } from 'zod/mini';

// Classic zod installs English messages on its own; zod/mini leaves the locale to the app.
// English keeps every message the API has always answered with ("Too big: expected string to
// have <=200 characters"). It is zod's one global config, so classic zod (the extension's
// messages) agrees wherever both load.
config(en());
