import type {SandboxRoute} from '../router.js'
import {authRoutes} from './auth.js'
import {registrationRoutes} from './registrations.js'
import {resourceLocationRoutes} from './resource-locations.js'

/** Every Citrix Cloud route the sandbox serves; each domain adds its list here. */
export const cloudRoutes: SandboxRoute[] = [...authRoutes, ...resourceLocationRoutes, ...registrationRoutes]
