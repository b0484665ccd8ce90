/// <reference types="custom-functions-runtime" />
import { associateAll } from './functions';

// Loaded by the shared runtime's page; CustomFunctions is Office's global.
associateAll();
