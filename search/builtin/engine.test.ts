import { searchContract } from "../contract.ts";
import { createBuiltinEngine } from "./engine.ts";

searchContract("builtin", async () => createBuiltinEngine());
