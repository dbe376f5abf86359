; Inno Setup definition of the Windows installer for Day in My Life (https://jrsoftware.org/isinfo.php).
; Built by .github/workflows/bundle.yml after `bash scripts/dev.sh bundle` on Windows:
;     iscc /DAppVersion=0.1.0 scripts\bundle\windows\DayInMyLife.iss
; Output: dist\DayInMyLife-<version>-setup.exe
;
; For a council's IT team (docs/deploying.md):
; - per-machine: installs into Program Files for every user, and needs an administrator;
; - silent: DayInMyLife-<version>-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;   (silent uninstall: "C:\Program Files\Day in My Life\unins000.exe" /VERYSILENT);
; - detection (Intune, Configuration Manager): the registry key
;   HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\{2D61BF0E-FB66-5E49-AB58-E508D85C08E7}_is1
;   with DisplayVersion equal to the version; or the file C:\Program Files\Day in My Life\DayInMyLife.exe.
;   The AppId below never changes between versions, so an upgrade replaces the old one in place;
; - uninstalling removes the program only: every user's store, in %LOCALAPPDATA%\DayInMyLife, is
;   left as it is (delete those folders by hand, or by script, if the data is to go);
; - an organisation's dayinlife-settings.toml (docs/deploying.md) may be put beside DayInMyLife.exe
;   afterwards by the same deployment; the installer neither writes nor removes it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{2D61BF0E-FB66-5E49-AB58-E508D85C08E7}
AppName=Day in My Life
AppVersion={#AppVersion}
AppVerName=Day in My Life {#AppVersion}
AppPublisher=Day in My Life
DefaultDirName={autopf}\Day in My Life
DefaultGroupName=Day in My Life
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\..\dist
OutputBaseFilename=DayInMyLife-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName=Day in My Life
UninstallDisplayIcon={app}\DayInMyLife.exe
; signing: the workflow signs the programs before they are packed, and this setup file after, only
; where a certificate is configured

[Files]
; the one-folder bundle, as scripts/dev.sh bundle builds it
Source: "..\..\..\dist\DayInMyLife\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Day in My Life"; Filename: "{app}\DayInMyLife.exe"; Comment: "The day in the life of the child"

[Run]
Filename: "{app}\DayInMyLife.exe"; Description: "Start Day in My Life"; Flags: nowait postinstall skipifsilent
