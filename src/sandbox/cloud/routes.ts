import {withGovPaths, type SandboxRoute} from '../http/router.js'
import {connectorRoutes} from './connector-routes.js'
import {licensingRoutes} from './licensing/routes.js'
import {productRoutes} from './product-routes.js'
import {registrationRoutes} from './registration-routes.js'
import {resourceLocationRoutes} from './resource-location-routes.js'
import {tokenRoutes} from './token-routes.js'

/** Every Citrix Cloud route the sandbox serves; each domain adds its list here. */
export const cloudRoutes: SandboxRoute[] = withGovPaths([
  ...tokenRoutes,
  ...resourceLocationRoutes,
  ...registrationRoutes,
  ...productRoutes,
  ...connectorRoutes,
  ...licensingRoutes,
])
