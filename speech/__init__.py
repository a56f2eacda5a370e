"""Everything that hears and speaks: STT and TTS engines, audio, dictation rules."""
