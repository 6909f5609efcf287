export { startSimulator } from './server';
export { SCENARIOS, FAULT_KINDS } from './types';
export type {
	CallbackDelivery,
	CallbackStage,
	FaultKind,
	FaultSpec,
	RecordedRequest,
	ScenarioName,
	SimulatorOptions,
	SunoSimulator,
	TaskSpec,
	UploadedFileSummary,
} from './types';
